/**
 * The Feishu Project Open API client: token, headers, envelope, errors, rate limit and
 * retry.
 * <p>
 * CW-1 to CW-10, where comments name them, are the create rules of docs/design.md
 * (#create-rules).
 */
package fpimport.api;
