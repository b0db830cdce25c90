declare const __BUILD_API_ORIGIN__: string | undefined;

/** The origin given as `WXT_API_BASE_URL` when this extension was built ('' when none was). */
export const BUILD_API_ORIGIN: string = typeof __BUILD_API_ORIGIN__ === 'string' ? __BUILD_API_ORIGIN__ : '';
