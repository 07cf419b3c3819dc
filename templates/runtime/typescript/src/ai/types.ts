/** What the app asks of the AI: one input, one reply. */
export interface CompleteRequest {
  input: unknown;
  signal?: AbortSignal | undefined;
}

export interface CompleteResult {
  text: string;
}

export interface Ai {
  complete(request: CompleteRequest): Promise<CompleteResult>;
}

/** What each provider layer implements in `src/ai/provider.ts`; input is already validated. */
export interface ProviderRequest {
  input: string;
  signal?: AbortSignal | undefined;
}

export interface ProviderResult {
  text: string;
  requestId?: string | undefined;
}

export interface Provider {
  readonly name: string;
  complete(request: ProviderRequest): Promise<ProviderResult>;
}
