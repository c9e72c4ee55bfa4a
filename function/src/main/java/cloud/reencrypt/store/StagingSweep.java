package cloud.reencrypt.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Removes the staged files a killed run left in the directory store's staging directory. Run when a
 * store is opened; best effort, it never fails the store.
 *
 * <p>Only our own files go: regular files named as {@link DirectoryUpload} names them ({@code
 * upload-*.part}, {@code metadata-*.part}), never a link, a directory or anything else found there.
 * And only stale ones: not modified for {@link #STALE_AFTER}. Staleness is judged by age, not by
 * whether the writing process is still alive, because a process ID does not identify the writer:
 * the directory can be shared by processes that do not see each other's IDs (containers on one
 * volume, a local server and a CLI run), and IDs are reused. A live upload's file is modified at
 * every buffer flush, and a staged metadata file lives for milliseconds, so an hour without a write
 * is far beyond any live upload. Were the guess ever wrong, nothing is lost: the upload whose file
 * vanished fails at commit (there is nothing to rename), publishes nothing, and is reported as a
 * temporary failure that a redelivered event redoes.
 */
final class StagingSweep {
  /** How long a staged file must be untouched to be taken for a leftover. */
  static final Duration STALE_AFTER = Duration.ofHours(1);

  private static final Pattern OURS = Pattern.compile("(upload|metadata)-[^/]*\\.part");

  private StagingSweep() {}

  /**
   * Removes our stale staged files.
   *
   * @return how many were removed
   */
  static int removeStale(Path stagingDir, Instant now) {
    if (!Files.isDirectory(stagingDir, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    Instant cutoff = now.minus(STALE_AFTER);
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(stagingDir)) {
      for (Path entry : entries) {
        removed += removeIfStale(entry, cutoff) ? 1 : 0;
      }
    } catch (IOException e) {
      // Leftovers are invisible as objects and only cost space; the next store retries.
    }
    return removed;
  }

  private static boolean removeIfStale(Path entry, Instant cutoff) {
    try {
      return isOursAndStale(entry, cutoff) && Files.deleteIfExists(entry);
    } catch (IOException e) {
      // One file that cannot go (its permissions, a race with another sweep) stops no other.
      return false;
    }
  }

  private static boolean isOursAndStale(Path entry, Instant cutoff) throws IOException {
    if (!OURS.matcher(entry.getFileName().toString()).matches()) {
      return false;
    }
    BasicFileAttributes attributes =
        Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(cutoff);
  }
}
