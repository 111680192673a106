"""Features, one package each: controllers (thin), services (rules), schemas (DTOs), deps and guards."""
