package cloud.reencrypt.service;

/**
 * A job stops without committing its current part: KMS refused the key for too many lines, or the
 * manifest changed under the job. The message names the cause, never a line's content.
 */
final class JobStoppedException extends RuntimeException {
  private final boolean temporary;

  JobStoppedException(String reason, boolean temporary) {
    super(reason, null, false, false);
    this.temporary = temporary;
  }

  /** Whether invoking the job again may succeed (a key enabled again, permissions restored). */
  boolean isTemporary() {
    return temporary;
  }
}
