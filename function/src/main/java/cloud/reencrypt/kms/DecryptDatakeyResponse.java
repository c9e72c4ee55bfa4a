package cloud.reencrypt.kms;

/** DecryptDatakey response: the DEK in hex, its length in bytes and its digest in hex. */
public record DecryptDatakeyResponse(String dataKey, String datakeyLength, String datakeyDgst) {}
