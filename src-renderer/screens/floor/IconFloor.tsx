/** The production floor's icon: a barcode in a scanner's frame (drawn like components/icons.tsx, kept here to leave that file alone). */
export function IconFloor({ size = 18 }: { size?: number }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M4 8V5h3M17 5h3v3M20 16v3h-3M7 19H4v-3" />
      <path d="M8 9v6M11 9v6M13.5 9v6M16 9v6" />
    </svg>
  );
}
