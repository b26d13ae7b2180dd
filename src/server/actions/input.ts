import type { Context } from '@nocobase/actions';

/** An action's input: query parameters and the JSON body in one object; the body wins on a clash. */
export const actionInput = (ctx: Context): Record<string, any> => ({
  ...(ctx.action.params || {}),
  ...(ctx.action.params.values || {}),
});
