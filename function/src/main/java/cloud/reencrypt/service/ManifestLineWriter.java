package cloud.reencrypt.service;

import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.ManifestProcessor.LineError;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * A chunk's output lines as UTF-8 JSON, written through one streaming generator: a response's
 * members in the record's order, null members left out, as the mapper writes them (a test holds the
 * two to the same bytes). Writing each line through the mapper made a generator, a serializer
 * provider and a string per line, about a sixth of a line's CPU. Error lines, rare, still go
 * through the mapper's writer.
 */
final class ManifestLineWriter {
  private static final ObjectWriter ERRORS = JsonMapping.writer().forType(LineError.class);

  /** The wire names of the response's members, in the order of its components. */
  private static final List<String> NAMES =
      Arrays.stream(ReEncryptResponse.class.getRecordComponents())
          .map(RecordComponent::getName)
          .map(new PropertyNamingStrategies.SnakeCaseStrategy()::translate)
          .toList();

  private final ByteArrayBuilder bytes;
  private final JsonGenerator json;

  ManifestLineWriter(int expectedBytes) {
    bytes = new ByteArrayBuilder(expectedBytes);
    try {
      json = ERRORS.createGenerator(bytes);
    } catch (IOException e) {
      throw inMemory(e);
    }
    // Lines are separated by LF, written after each value, not by the root value separator.
    json.setRootValueSeparator(null);
  }

  void response(ReEncryptResponse response) {
    try {
      json.writeStartObject();
      member(0, response.keyId());
      member(1, response.sourceKeyId());
      member(2, response.sourceEncryptionAlgorithm());
      member(3, response.destinationEncryptionAlgorithm());
      member(4, response.cipherText());
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw inMemory(e);
    }
  }

  void error(LineError error) {
    try {
      ERRORS.writeValue(json, error);
      json.writeRaw('\n');
    } catch (IOException e) {
      throw inMemory(e);
    }
  }

  /** The lines written so far. */
  byte[] toByteArray() {
    try {
      json.flush();
    } catch (IOException e) {
      throw inMemory(e);
    }
    return bytes.toByteArray();
  }

  private void member(int index, String value) throws IOException {
    if (value != null) {
      json.writeStringField(NAMES.get(index), value);
    }
  }

  /** The generator writes to memory, so an I/O failure is a bug, not a condition to handle. */
  private static UncheckedIOException inMemory(IOException e) {
    return new UncheckedIOException("writing JSON to memory failed", e);
  }
}
