import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Calm and dense: teal primary, system fonts (no remote fonts under the CSP), compact inputs. */
const SYSTEM_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

const teal: MantineColorsTuple = ['#e6fcf8', '#d3f4ee', '#a9e7dc', '#7bd9c9', '#55cdb8', '#3dc6ae', '#2ec2a9', '#1dab93', '#0a9882', '#00846f'];

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 8, dark: 6 },
  colors: { teal },
  fontFamily: SYSTEM_FONT,
  headings: { fontFamily: SYSTEM_FONT },
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 6 } },
    Tooltip: { defaultProps: { openDelay: 400, withArrow: true } },
    Badge: { defaultProps: { tt: 'none' } },
  },
});
