export declare const SLDS_HREF: string;
export declare class RenderPageError extends Error {}
export declare function renderPageSource(source: string, params: URLSearchParams): string;
export declare function renderPage(pagePath: string, params: URLSearchParams): string;
