package cloud.reencrypt.store;

/**
 * The bytes a ranged read asks for: {@code length} bytes from {@code offset}. A range may run past
 * the end of the object; the read then stops at the end, as an HTTP range does.
 *
 * @param offset the first byte, 0 or more
 * @param length how many bytes at most, 0 or more
 */
public record ByteRange(long offset, long length) {

  /**
   * A checked range.
   *
   * @throws ObjectStoreException {@code INVALID_ARGUMENT} if the offset or the length is negative
   */
  public static ByteRange of(long offset, long length) throws ObjectStoreException {
    if (offset < 0 || length < 0) {
      throw ObjectStoreException.invalidArgument(
          "invalid byte range: offset "
              + offset
              + " and length "
              + length
              + " must not be negative");
    }
    return new ByteRange(offset, length);
  }

  /** Whether the range holds no byte at all (whatever the object). */
  public boolean isEmpty() {
    return length == 0;
  }

  /**
   * The last byte asked for (inclusive, as HTTP ranges count), capped where {@code offset + length}
   * would overflow: no object is that large, so the cap still reads to the end. Only for a
   * non-empty range.
   */
  public long lastByte() {
    return length > Long.MAX_VALUE - offset ? Long.MAX_VALUE - 1 : offset + length - 1;
  }
}
