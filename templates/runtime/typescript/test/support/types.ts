/** What each provider layer's `provider-shape.ts` tells the provider-neutral tests. */
export interface ProviderShape {
  /** Variables holding the key and the base URL. */
  keyEnv: string;
  baseUrlEnv: string;
  /** Appended to the fake server's origin to form the base URL. */
  baseUrlSuffix: string;
  /** Other variables the provider requires (such as AI_MODEL when it has no default). */
  requiredEnv: Record<string, string>;
  /** The path the SDK posts to. */
  endpointPath: string;
  /** Header in which the provider returns its request id. */
  requestIdHeader: string;
  okBody(text: string): unknown;
  errorBody(status: number, message: string): unknown;
  /** Texts sent in the user role / in the system (instructions) slot of a recorded body. */
  userTexts(body: unknown): string[];
  systemTexts(body: unknown): string[];
  outputCap(body: unknown): unknown;
  model(body: unknown): unknown;
}
