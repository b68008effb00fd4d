/** "2009-10" shifted by whole months: "2009-09", "2009-11". */
export function shiftPeriod(period: string, months: number): string {
  const [y, m] = period.split("-").map(Number);
  const index = (y ?? 0) * 12 + ((m ?? 1) - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
