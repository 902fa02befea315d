/** The environment every test file starts with (jest `setupFiles`, all tiers): quiet logs, no telemetry. */
process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';
