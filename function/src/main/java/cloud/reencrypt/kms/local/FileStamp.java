package cloud.reencrypt.kms.local;

/**
 * What identifies one version of the keystore file without reading it: its inode (a write replaces
 * the file, so every write makes a new one), modification time and size. Comparing stamps is how a
 * reader notices another process's write at the cost of one {@code stat}.
 */
record FileStamp(Object fileKey, long modifiedNanos, long size) {
  static final FileStamp MISSING = new FileStamp(null, -1, -1);
}
