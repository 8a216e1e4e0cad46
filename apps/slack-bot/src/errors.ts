/** Base of every error the bot throws itself; each message says what to do, none holds a secret. */
export class SlackBotError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `startBot` or the receiver was given options it cannot run with. */
export class BotOptionsError extends SlackBotError {}

/** The signing secret is empty, so no request could be verified. */
export class EmptySigningSecretError extends BotOptionsError {
  constructor() {
    super(
      "The Slack signing secret is empty: refusing to start. Set SLACK_SIGNING_SECRET (your " +
        "Slack app's Basic Information → App Credentials), or give `signingSecret`.",
    );
  }
}

/** Socket Mode did not open within `socketStartTimeoutMs`. */
export class SocketStartTimeoutError extends SlackBotError {
  /** The limit that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(
      `Socket Mode did not connect to Slack within ${timeoutMs / 1000} s: check ` +
        "SLACK_APP_TOKEN (an app-level token with connections:write) and the log for " +
        "Slack's answer.",
    );
    this.timeoutMs = timeoutMs;
  }
}

/** The receiver was asked for its URL before it was listening. */
export class NotListeningError extends SlackBotError {
  constructor() {
    super("The receiver is not listening: call `start()` first (`startBot` does).");
  }
}

/** Slack's Web API could not be reached to check the bot token at start. */
export class SlackUnreachableError extends SlackBotError {
  constructor(options?: ErrorOptions) {
    super(
      "Could not reach Slack's Web API to check SLACK_BOT_TOKEN (auth.test): check the network, " +
        "or set SLACK_BOT_ID and SLACK_BOT_USER_ID to skip this check.",
      options,
    );
  }
}
