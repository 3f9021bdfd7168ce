package secret

// extraRules are customs' additions to the gitleaks rules, for credentials
// that images leak often and gitleaks has no rule for.
func extraRules() []ruleSpec {
	return []ruleSpec{
		{
			ID:          "aws-secret-access-key",
			Description: "Found an AWS secret access key, which together with its key ID gives full use of the AWS account's permissions.",
			Regex:       `(?i)aws_?secret_?(?:access_?)?key["']?[ \t]*(?:=|:|=>)[ \t]*["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+]|$)`,
			Entropy:     3.5,
			Keywords:    []string{"aws_secret", "awssecret", "secret_access_key", "secretaccesskey"},
			Allowlists:  []ruleAllowlist{{Regexes: []string{`EXAMPLE`}}},
		},
		{
			ID:          "azure-storage-connection-string",
			Description: "Found an Azure Storage connection string with its account key, which gives full access to the storage account.",
			Regex:       `(?i)DefaultEndpointsProtocol=https?;AccountName=[a-z0-9]{3,24};AccountKey=([A-Za-z0-9+/]{86}==)`,
			Entropy:     4,
			Keywords:    []string{"accountkey="},
		},
		{
			ID:          "gcp-service-account-key",
			Description: "Found a Google Cloud service-account key file with its private key, which acts as the service account.",
			Regex:       `(?s)"type"\s*:\s*"service_account".{0,1000}?"private_key"\s*:\s*"(-----BEGIN[^"]{200,})"|"private_key"\s*:\s*"(-----BEGIN[^"]{200,})".{0,1000}?"type"\s*:\s*"service_account"`,
			Keywords:    []string{`"service_account"`},
		},
	}
}
