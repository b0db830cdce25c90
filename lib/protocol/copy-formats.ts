/** The ways a screen may ask for the token to be copied; lib/clipboard/snippets.ts writes each one. */
export const COPY_FORMATS = ['token', 'header', 'curl', 'shell', 'powershell'] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];
