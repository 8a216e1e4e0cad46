/**
 * A setting the exporter cannot start with. Its message is one line that names the setting and
 * says how to fix it; it never repeats a secret. Give a `cause` only when it holds no secret.
 */
export class SettingError extends Error {
  override readonly name = "SettingError";

  constructor(message: string, options?: ErrorOptions) {
    super(message.replace(/\s*\n\s*/g, " "), options);
  }
}
