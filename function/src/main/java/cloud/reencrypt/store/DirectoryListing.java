package cloud.reencrypt.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The keys of one directory-store listing page, found by walking the bucket's directory tree in key
 * order: a directory {@code a} holds exactly the keys that start with {@code a/}, so sorting each
 * directory's files by name and its subdirectories by name plus {@code /} (in {@link KeyOrder}) and
 * walking them depth first yields every key in UTF-8 byte order.
 *
 * <p>The walk starts in the directory the prefix names up to its last {@code /} (only its entries
 * that start with the rest of the prefix), skips every subtree that lies wholly at or before the
 * marker, and stops when the page is full: a page costs the directories on its path, not the whole
 * bucket. Only the bucket's tree is walked, so the hidden metadata and staging trees beside the
 * buckets never appear. Symbolic links below the starting directory are not followed (the store
 * never makes one; a link could lead out of the root or round in a loop), nor are names no key can
 * have (a backslash).
 */
final class DirectoryListing {
  private final String marker;
  private final int limit;
  private final List<String> keys = new ArrayList<>();

  private DirectoryListing(String marker, int limit) {
    this.marker = marker;
    this.limit = limit;
  }

  /**
   * Up to {@code limit} keys that start with {@code prefix} and come after {@code marker}, in
   * order. Prefix and marker may be null.
   *
   * @throws ObjectStoreException {@code NOT_FOUND} if the bucket does not exist
   */
  static List<String> keys(
      DirectoryLayout layout, String bucket, String prefix, String marker, int limit)
      throws IOException {
    Path bucketDir = layout.existingBucketDir(bucket);
    String keyPrefix = prefix == null ? "" : prefix;
    int cut = keyPrefix.lastIndexOf('/') + 1;
    String dirKey = keyPrefix.substring(0, cut);
    DirectoryListing listing = new DirectoryListing(marker == null ? "" : marker, limit);
    Optional<Path> start = startDirectory(layout, bucket, bucketDir, dirKey);
    if (start.isPresent()) {
      listing.walk(start.get(), dirKey, keyPrefix.substring(cut));
    }
    return listing.keys;
  }

  /** The directory holding the keys that start with {@code dirKey}, if there is one. */
  private static Optional<Path> startDirectory(
      DirectoryLayout layout, String bucket, Path bucketDir, String dirKey) throws IOException {
    Path dir = bucketDir;
    if (!dirKey.isEmpty()) {
      try {
        dir = layout.objectPath(bucket, dirKey.substring(0, dirKey.length() - 1));
      } catch (ObjectStoreException e) {
        // The prefix has an empty, '.' or '..' segment, which no stored key has.
        return Optional.empty();
      }
    }
    layout.requireInsideRoot(dir, bucket, dirKey);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  /** Adds the keys below {@code dir}, whose keys all start with {@code dirKey}. */
  private void walk(Path dir, String dirKey, String namePrefix) throws IOException {
    for (Entry entry : sortedEntries(dir, dirKey, namePrefix)) {
      if (keys.size() == limit) {
        return;
      }
      String key = dirKey + entry.sortName();
      if (entry.directory()) {
        walk(dir.resolve(entry.name()), key, "");
      } else if (KeyOrder.compare(key, marker) > 0) {
        keys.add(key);
      }
    }
  }

  /**
   * Whether the keys starting with {@code keyPrefix} can include one after the marker: the prefix
   * sorts after it, or the marker is one of those keys.
   */
  private boolean mayFollowMarker(String keyPrefix) {
    return KeyOrder.compare(keyPrefix, marker) > 0 || marker.startsWith(keyPrefix);
  }

  /**
   * The entries of {@code dir} that can hold a key of this page, sorted. Names are weighed before
   * any is looked at: a name {@code n} holds at most the key {@code n} or keys starting with {@code
   * n/}, so one that fails {@link #mayFollowMarker} for {@code n/} is skipped without a file system
   * call, whatever it is; a page deep into a large folder costs a stat per entry after the marker,
   * not per entry.
   */
  private List<Entry> sortedEntries(Path dir, String dirKey, String namePrefix) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        if (name.startsWith(namePrefix)
            && name.indexOf('\\') < 0
            && mayFollowMarker(dirKey + name + "/")) {
          entry(child, name).ifPresent(entries::add);
        }
      }
    } catch (NoSuchFileException e) {
      // A delete removed the directory after it was found: it holds no keys any more.
      return List.of();
    }
    entries.sort(Comparator.comparing(Entry::sortName, KeyOrder.UTF8));
    return entries;
  }

  /** A plain file or directory; links and special files are no keys. */
  private static Optional<Entry> entry(Path child, String name) throws IOException {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isRegularFile() || attributes.isDirectory()) {
        return Optional.of(new Entry(name, attributes.isDirectory()));
      }
      return Optional.empty();
    } catch (NoSuchFileException e) {
      // Deleted since the directory was read.
      return Optional.empty();
    }
  }

  /** A directory entry; a directory sorts as its name plus '/', the start of all its keys. */
  private record Entry(String name, boolean directory) {
    String sortName() {
      return directory ? name + "/" : name;
    }
  }
}
