/**
 * The invoices' and payments' line icons (same 24×24 grid and stroke as icons.tsx), in
 * their own file so the money screens do not all edit the shared one.
 */
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function svg(size: number | undefined, rest: SVGProps<SVGSVGElement>) {
  return {
    xmlns: 'http://www.w3.org/2000/svg',
    width: size ?? 18,
    height: size ?? 18,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.8,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    'aria-hidden': true,
    focusable: false,
    ...rest,
  };
}

/** a sheet with a folded corner and amount lines */
export const IconInvoices = ({ size, ...rest }: IconProps) => (
  <svg {...svg(size, rest)}>
    <path d="M6 3h9l4 4v14l-2.5-1.5L14 21l-2-1.5L10 21l-2.5-1.5L5 21V4a1 1 0 0 1 1-1z" />
    <path d="M15 3v4h4M9 10h6M9 14h6" />
  </svg>
);

/** a calendar with a coin: what is due and when */
export const IconPaymentsDue = ({ size, ...rest }: IconProps) => (
  <svg {...svg(size, rest)}>
    <rect x="3" y="5" width="14" height="14" rx="2" />
    <path d="M3 9h14M7 3v4M13 3v4" />
    <circle cx="18" cy="17" r="4" />
    <path d="M18 15.5v3" />
  </svg>
);
