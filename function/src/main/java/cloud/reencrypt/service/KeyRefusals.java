package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import java.util.Set;

/**
 * The rule that keeps a job from committing an output full of error lines when KMS refuses a key
 * (disabled, pending deletion, not found, access denied, frozen): if such errors fail more than 1 %
 * of a part's lines, the job stops as a temporary failure and the part is not committed. A few such
 * lines (a typo in one key id) stay ordinary error lines.
 */
final class KeyRefusals {
  static final Set<String> KEY_LEVEL =
      Set.of(
          KmsError.KEY_NOT_FOUND.code(),
          KmsError.KEY_DISABLED.code(),
          KmsError.KEY_PENDING_DELETION.code(),
          KmsError.NO_PERMISSION.code(),
          KmsError.RESOURCE_FROZEN.code());

  private KeyRefusals() {}

  /**
   * @throws JobStoppedException when key-level errors exceed 1 % of the part's lines
   */
  static void check(ManifestCounts counts) {
    long refused =
        counts.failures().entrySet().stream()
            .filter(entry -> KEY_LEVEL.contains(entry.getKey()))
            .mapToLong(entry -> entry.getValue())
            .sum();
    if (refused * 100 > counts.lines()) {
      throw new JobStoppedException(
          "KMS refused the key for "
              + refused
              + " of "
              + counts.lines()
              + " lines of a part ("
              + String.join(", ", counts.failures().keySet())
              + "); nothing was committed; enable the key or restore access, then invoke the"
              + " manifest's event again",
          true);
    }
  }
}
