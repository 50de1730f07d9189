/**
 * A name in a table cell or a tight row: one line that ellipsizes in the room left to it,
 * with the whole text on hover (title) — the screen never loses a name, it only folds it.
 */
import { Text, type MantineSize, type TextProps } from '@mantine/core';

interface Props extends Omit<TextProps, 'truncate' | 'size'> {
  children: string;
  size?: MantineSize;
  /** the hover text when it should say more than the cell (e.g. name and SKU) */
  full?: string;
  'data-testid'?: string;
}

export function CellText({ children, size = 'sm', full, className, ...rest }: Props) {
  return (
    <Text size={size} className={className ? `cell-text ${className}` : 'cell-text'} title={full ?? children} {...rest}>
      {children}
    </Text>
  );
}
