// The PowerShell engine: values, evaluation, binding, errors and formatting.
