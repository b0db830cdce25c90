/** `<input type="date">` gives `YYYY-MM-DD`: that day at the given time in the user's time zone, or null. */
function momentOfDateInput(value: string, hours: number, minutes: number, seconds: number, ms: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, hours, minutes, seconds, ms);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}

/** A token "expiring on" a day still works that day, so the moment is the end of that day. */
export function expiryFromDateInput(value: string): number | null {
  return momentOfDateInput(value, 23, 59, 59, 999);
}

/** A token "created on" a day was made at some moment of it: the earliest is its start. */
export function dayStartFromDateInput(value: string): number | null {
  return momentOfDateInput(value, 0, 0, 0, 0);
}

/** The inverse, for pre-filling a date field in the user's time zone. */
export function dateInputFromExpiry(expiresAt: number): string {
  const date = new Date(expiresAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
