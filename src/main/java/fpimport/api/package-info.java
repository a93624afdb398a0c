/**
 * The Feishu Project Open API client: token, headers, envelope, errors, rate limit and
 * retry.
 */
package fpimport.api;
