package publisher

import "strings"

// operators name who runs registries that have no public publisher API,
// so a report can say whose registry an image comes from even though it
// cannot say who pushed it.
var operators = map[string]string{
	"mcr.microsoft.com":          "Microsoft's registry, where only Microsoft publishes",
	"registry.k8s.io":            "the Kubernetes project's registry, where only the project's release process publishes",
	"k8s.gcr.io":                 "the Kubernetes project's former registry, frozen since 2023 (use registry.k8s.io)",
	"registry.access.redhat.com": "Red Hat's registry, where only Red Hat publishes",
	"registry.redhat.io":         "Red Hat's registry, where only Red Hat publishes",
}

// operator says who runs registry host and what the first path component
// of repo means there, or "" for a registry customs does not know.
func operator(host, repo string) string {
	if op, ok := operators[host]; ok {
		return op
	}
	first, _, _ := strings.Cut(repo, "/")
	switch {
	case host == "gcr.io" || strings.HasSuffix(host, ".gcr.io"):
		return "Google Container Registry, where " + quote(first) + " is a Google Cloud project that anyone may create; " +
			"Google does not say who owns it"
	case strings.HasSuffix(host, "-docker.pkg.dev"):
		return "Google Artifact Registry, where " + quote(first) + " is a Google Cloud project that anyone may create; " +
			"Google does not say who owns it"
	case host == "public.ecr.aws":
		return "Amazon ECR Public, where " + quote(first) + " is an alias that any AWS account may register; " +
			"Amazon does not verify who owns it unless the ECR Public Gallery marks it as a verified account"
	}
	return ""
}
