// Where the window is: one of four views. Plain data, so it can be pushed by main (focusService).
export type Route =
  | { readonly view: 'overview' }
  | { readonly view: 'service'; readonly serviceId: string }
  | { readonly view: 'incidents'; readonly serviceId?: string }
  | { readonly view: 'checklist'; readonly runId?: string }
  | { readonly view: 'settings' };
