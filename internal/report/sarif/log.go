package sarif

// The subset of the SARIF 2.1.0 object model that customs writes. Field names
// and nesting follow the OASIS specification; optional members are omitted
// when empty so that the log stays small and valid against the schema.

// Log is the top-level sarifLog object.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is the output of one inspection.
type Run struct {
	Tool               Tool                   `json:"tool"`
	Invocations        []Invocation           `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]ArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []Result               `json:"results"`
	Properties         map[string]any         `json:"properties,omitempty"`
}

// Tool names the analysis tool.
type Tool struct {
	Driver Driver `json:"driver"`
}

// Driver is the toolComponent that produced the results, with its rules.
type Driver struct {
	Name           string `json:"name"`
	Version        string `json:"version,omitempty"`
	InformationURI string `json:"informationUri"`
	Rules          []Rule `json:"rules"`
}

// Rule is a reportingDescriptor: the metadata of one customs check.
type Rule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     Text           `json:"shortDescription"`
	FullDescription      *Text          `json:"fullDescription,omitempty"`
	Help                 *Help          `json:"help,omitempty"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration Configuration  `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties,omitempty"`
}

// Text is a message or multiformatMessageString with plain text only.
type Text struct {
	Text string `json:"text"`
}

// Help is a multiformatMessageString with text and Markdown renderings.
type Help struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// Configuration is a reportingConfiguration.
type Configuration struct {
	Level string `json:"level"`
}

// Invocation describes the run of customs, including checks that failed.
type Invocation struct {
	ExecutionSuccessful        bool           `json:"executionSuccessful"`
	ToolExecutionNotifications []Notification `json:"toolExecutionNotifications,omitempty"`
}

// Notification reports a condition of the tool itself, such as a check that
// could not run.
type Notification struct {
	Level      string         `json:"level"`
	Message    Text           `json:"message"`
	Descriptor *DescriptorRef `json:"descriptor,omitempty"`
}

// DescriptorRef is a reportingDescriptorReference by ID.
type DescriptorRef struct {
	ID string `json:"id"`
}

// Result is one finding.
type Result struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             Text              `json:"message"`
	Locations           []Location        `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

// Location places a result in the image: a physical location for a file
// path, logical locations for config keys, history steps and references.
type Location struct {
	PhysicalLocation *PhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []LogicalLocation `json:"logicalLocations,omitempty"`
}

// PhysicalLocation points at a file in the image's filesystem.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLoc    `json:"artifactLocation"`
	Properties       map[string]any `json:"properties,omitempty"`
}

// ArtifactLoc is an artifactLocation: a URI relative to a base ID.
type ArtifactLoc struct {
	URI         string `json:"uri,omitempty"`
	URIBaseID   string `json:"uriBaseId,omitempty"`
	Description *Text  `json:"description,omitempty"`
}

// LogicalLocation names a place that is not a file: a config key, a history
// step or an image reference.
type LogicalLocation struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}
