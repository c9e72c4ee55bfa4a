package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.ReEncryptRequest;
import java.util.Arrays;

/**
 * One manifest line, copied out of the reader's buffer so a worker can process it while the reader
 * goes on.
 *
 * @param number the line number, from 1
 * @param bytes the line without its line ending; null when the line was too long
 */
record ManifestLine(long number, byte[] bytes) {
  static ManifestLine copyOf(ManifestLineReader reader, long number) {
    return new ManifestLine(
        number, reader.tooLong() ? null : Arrays.copyOf(reader.bytes(), reader.length()));
  }

  /**
   * The line's ReEncrypt request, its fields' types checked but not yet the required ones (the
   * destination may come from the configuration); a KMS-style error for anything else.
   */
  ReEncryptRequest request() {
    if (bytes == null) {
      throw KmsError.MESSAGE_TOO_LONG.exception(
          "a manifest line is limited to " + ManifestProcessor.MAX_LINE_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      throw KmsError.INVALID_JSON.exception("blank line");
    }
    return ManifestLineRequest.bind(bytes);
  }
}
