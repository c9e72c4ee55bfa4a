package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule that keeps a job from committing an output full of error lines when KMS refuses a key
 * (disabled, pending deletion, not found, access denied, frozen): if such errors fail more than 1 %
 * of a part's lines, the job stops as a temporary failure and the part is not committed. A few such
 * lines (a typo in one key id) stay ordinary error lines: a part counts as at least {@value
 * #MIN_LINES} lines for the rule, so one refused line never stops a job, even in a last part of a
 * few lines, where it would otherwise stop it at every attempt. A manifest small enough for one
 * pass follows the same rule.
 */
final class KeyRefusals {
  static final Set<String> KEY_LEVEL =
      Set.of(
          KmsError.KEY_NOT_FOUND.code(),
          KmsError.KEY_DISABLED.code(),
          KmsError.KEY_PENDING_DELETION.code(),
          KmsError.NO_PERMISSION.code(),
          KmsError.RESOURCE_FROZEN.code());

  static final long MIN_LINES = 100;

  private KeyRefusals() {}

  /**
   * @throws JobStoppedException when key-level errors exceed 1 % of the part's lines
   */
  static void check(ManifestCounts counts) {
    Map<String, Long> refusals = new TreeMap<>(counts.failures());
    refusals.keySet().retainAll(KEY_LEVEL);
    long refused = refusals.values().stream().mapToLong(Long::longValue).sum();
    if (refused * 100 > Math.max(counts.lines(), MIN_LINES)) {
      throw new JobStoppedException(
          "KMS refused the key for "
              + refused
              + " of "
              + counts.lines()
              + " lines of a part ("
              + String.join(", ", refusals.keySet())
              + "); nothing was committed; enable the key or restore access, then invoke the"
              + " manifest's event again",
          true);
    }
  }
}
