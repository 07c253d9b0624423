// The zip entries' time, in its own module: ./docx/pack needs only this, and ./zip-parts loads fflate (with its
// worker_threads), which a .docx export does not use (issue 13: the command line's export loads what it runs).

/** MS-DOS date and time as zip headers keep them (local time fields, two-second resolution). */
export function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}
