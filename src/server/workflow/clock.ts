// "Now" for the workflow parts (time trigger, nodes). Production: the real time. Tests move it
// with APPOINTMENT_DUTY_TEST_NOW, honoured only when APPOINTMENT_DUTY_TEST_CLOCK=true (as the
// X-Test-Now header of the booking actions), so time triggers are tested without sleeping.
export function workflowNow(): Date {
  const fixed = process.env.APPOINTMENT_DUTY_TEST_NOW;
  if (fixed && process.env.APPOINTMENT_DUTY_TEST_CLOCK === 'true') return new Date(fixed);
  return new Date();
}
