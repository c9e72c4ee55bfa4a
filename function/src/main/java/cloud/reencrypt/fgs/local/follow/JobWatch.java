package cloud.reencrypt.fgs.local.follow;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the driver looks, once a second, for the jobs' statuses it shows in its progress line and
 * judges the run by (every job seen must commit).
 */
@FunctionalInterface
public interface JobWatch {
  /** Each status found now, by a name for its job; one missing or being replaced is left out. */
  Map<String, JsonNode> statuses();

  /** Every job's {@code status.json} in a directory store, read straight from the files. */
  static JobWatch directory(Path root, String workPrefix) {
    return () -> JobStatuses.scan(root, workPrefix);
  }
}
