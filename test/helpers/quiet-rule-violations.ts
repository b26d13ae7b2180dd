// NocoBase's transaction decorator console.error()s every error that rolls a write back —
// including the rule violations our tests provoke on purpose. Keep those out of the test log;
// anything else still prints.
const original = console.error;
console.error = (...args: unknown[]) => {
  if ((args[0] as any)?.name === 'RuleViolation') return;
  original(...args);
};
