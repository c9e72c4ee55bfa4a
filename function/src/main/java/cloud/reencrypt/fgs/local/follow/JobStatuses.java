package cloud.reencrypt.fgs.local.follow;

import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The jobs' {@code status.json} files in a directory store: {@code DIR/<bucket>/<WORK_PREFIX>jobs/
 * <id>/status.json}, read straight from the files, in every bucket (the work bucket is one of
 * them). Only the members the driver shows are read by name ({@link #JOB_ID}, {@link #STATE},
 * parts, lines per second); the rest is kept as written.
 */
final class JobStatuses {
  static final String JOB_ID = "job_id";
  static final String STATE = "state";
  static final String COMMITTED = "committed";

  private static final ObjectReader READER = JsonMapping.reader(JsonNode.class);

  private JobStatuses() {}

  /** Each status found, by bucket and job folder; a file being replaced is skipped this time. */
  static Map<String, JsonNode> scan(Path root, String workPrefix) {
    Map<String, JsonNode> statuses = new TreeMap<>();
    for (Path bucket : entries(root)) {
      if (bucket.getFileName().toString().startsWith(".")) {
        continue;
      }
      for (Path folder : entries(bucket.resolve(workPrefix).resolve("jobs"))) {
        read(folder.resolve("status.json"))
            .ifPresent(
                status -> statuses.put(bucket.getFileName() + "/" + folder.getFileName(), status));
      }
    }
    return statuses;
  }

  /** The directories in a directory; none when it does not exist or vanishes under the scan. */
  private static List<Path> entries(Path directory) {
    List<Path> entries = new ArrayList<>();
    if (Files.isDirectory(directory)) {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, Files::isDirectory)) {
        stream.forEach(entries::add);
      } catch (IOException e) {
        // the next scan sees what replaced it
      }
    }
    return entries;
  }

  private static Optional<JsonNode> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode status = JsonMapping.read(READER, Files.readAllBytes(file));
      return status.isObject() ? Optional.of(status) : Optional.empty();
    } catch (IOException | JsonReadException e) {
      return Optional.empty();
    }
  }

  /** Whether a status says the job committed its output. */
  static boolean isCommitted(JsonNode status) {
    return COMMITTED.equals(status.path(STATE).asText());
  }

  /**
   * One status as a progress phrase: id, state, parts done of total, lines per second; for a sweep
   * pages done of listed, objects listed and objects per second.
   */
  static String describe(String name, JsonNode status) {
    JsonNode objects = status.path("objects");
    boolean sweep = objects.isObject();
    return "job "
        + status.path(JOB_ID).asText(name)
        + " "
        + status.path(STATE).asText("?")
        + " "
        + status.path("parts_done").asText("?")
        + "/"
        + status.path("parts_total").asText("?")
        + (sweep ? " pages, " + objects.path("listed").asText("?") + " objects, " : " parts, ")
        + rate(sweep ? objects.path("objects_per_second") : status.path("lines_per_second"))
        + (sweep ? " objects/s" : " lines/s");
  }

  private static String rate(JsonNode perSecond) {
    return perSecond.isNumber() ? Long.toString(Math.round(perSecond.asDouble())) : "?";
  }
}
