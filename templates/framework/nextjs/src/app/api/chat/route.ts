import { createChatRoute } from '../../../server/chat-route.ts';
import { serverContext } from '../../../server/context.ts';

// A route file may export only HTTP methods and segment options, so the logic
// lives in src/server/chat-route.ts, where tests call it with their own context.
const route = createChatRoute(() => serverContext());

export const POST = route.POST;
export const OPTIONS = route.OPTIONS;
export const GET = route.GET;
