package cloud.reencrypt.kms.local;

import java.util.Objects;

/**
 * What identifies one version of the keystore file without reading it: its inode (a write replaces
 * the file, so every write makes a new one), modification time and size. Comparing stamps is how a
 * reader notices another process's write at the cost of one {@code stat}.
 *
 * <p>{@code equals} and {@code hashCode} are written out: a record's generated ones are
 * bootstrapped through method handles on first call, which costs a one-request process tens of
 * milliseconds.
 */
record FileStamp(Object fileKey, long modifiedNanos, long size) {
  static final FileStamp MISSING = new FileStamp(null, -1, -1);

  @Override
  public boolean equals(Object other) {
    return other instanceof FileStamp that
        && Objects.equals(fileKey, that.fileKey)
        && modifiedNanos == that.modifiedNanos
        && size == that.size;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileKey, modifiedNanos, size);
  }
}
