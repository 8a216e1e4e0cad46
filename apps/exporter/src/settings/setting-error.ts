/**
 * A setting the exporter cannot start with. Its message is one line that names the setting and
 * says how to fix it; it never repeats a secret.
 */
export class SettingError extends Error {
  override readonly name = "SettingError";

  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, " "));
  }
}
