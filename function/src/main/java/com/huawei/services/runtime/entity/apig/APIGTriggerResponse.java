package com.huawei.services.runtime.entity.apig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** What an API Gateway-triggered function returns: status, headers and body for the client. */
public class APIGTriggerResponse {
  private String body;
  private Map<String, String> headers;
  private int statusCode;
  private boolean isBase64Encoded;

  public APIGTriggerResponse() {
    this(200, new HashMap<>(), false, "");
  }

  public APIGTriggerResponse(int statusCode, Map<String, String> headers, String body) {
    this(statusCode, headers, false, body);
  }

  public APIGTriggerResponse(
      int statusCode, Map<String, String> headers, boolean isBase64Encoded, String body) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.isBase64Encoded = isBase64Encoded;
    this.body = body;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  /** Sets the body to the Base64 of the text's UTF-8 bytes; APIG decodes it for the client. */
  public void setBase64EncodedBody(String text) {
    this.body = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    this.isBase64Encoded = true;
  }

  public Map<String, String> getHeaders() {
    return headers;
  }

  public void setHeaders(Map<String, String> headers) {
    this.headers = headers;
  }

  public void addHeader(String name, String value) {
    headers.put(name, value);
  }

  public void removeHeader(String name) {
    headers.remove(name);
  }

  public void addHeaders(Map<String, String> more) {
    headers.putAll(more);
  }

  public int getStatusCode() {
    return statusCode;
  }

  public void setStatusCode(int statusCode) {
    this.statusCode = statusCode;
  }

  public boolean isBase64Encoded() {
    return isBase64Encoded;
  }

  public void setBase64Encoded(boolean isBase64Encoded) {
    this.isBase64Encoded = isBase64Encoded;
  }
}
