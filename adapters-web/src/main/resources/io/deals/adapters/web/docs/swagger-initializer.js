// Swagger UI over this server's own description. Nothing is asked of any other server:
// validatorUrl null turns off the badge that would send the document to validator.swagger.io.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    // The token pasted into "Authorize" survives a reload of the page (kept in this browser's storage).
    persistAuthorization: true,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
