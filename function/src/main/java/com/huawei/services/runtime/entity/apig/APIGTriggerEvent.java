package com.huawei.services.runtime.entity.apig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** An API Gateway request as FunctionGraph delivers it to a function. */
public class APIGTriggerEvent {
  private boolean isBase64Encoded;
  private String httpMethod;
  private String path;
  private String body;
  private Map<String, String> pathParameters;
  private APIGRequestContext requestContext;
  private Map<String, String> headers;
  private Map<String, String> queryStringParameters;
  private String user_data;

  public boolean isBase64Encoded() {
    return isBase64Encoded;
  }

  public void setIsBase64Encoded(boolean isBase64Encoded) {
    this.isBase64Encoded = isBase64Encoded;
  }

  public String getHttpMethod() {
    return httpMethod;
  }

  public void setHttpMethod(String httpMethod) {
    this.httpMethod = httpMethod;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  /** The body Base64-decoded as UTF-8, as the runtime's helper of the same name does. */
  public String getRawBody() {
    return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
  }

  public Map<String, String> getPathParameters() {
    return pathParameters;
  }

  public void setPathParameters(Map<String, String> pathParameters) {
    this.pathParameters = pathParameters;
  }

  public APIGRequestContext getRequestContext() {
    return requestContext;
  }

  public void setRequestContext(APIGRequestContext requestContext) {
    this.requestContext = requestContext;
  }

  public Map<String, String> getHeaders() {
    return headers;
  }

  public void setHeaders(Map<String, String> headers) {
    this.headers = headers;
  }

  public Map<String, String> getQueryStringParameters() {
    return queryStringParameters;
  }

  public void setQueryStringParameters(Map<String, String> queryStringParameters) {
    this.queryStringParameters = queryStringParameters;
  }

  /** Data a custom authorizer attached to the request. */
  public String getUserData() {
    return user_data;
  }

  public void setUserData(String userData) {
    this.user_data = userData;
  }
}
