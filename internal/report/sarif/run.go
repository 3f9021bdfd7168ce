package sarif

import (
	"fmt"

	"github.com/customs-oss/customs/internal/report"
)

// invocation reports checks that failed or were skipped as notifications, so
// that a dashboard shows the run was incomplete instead of silently clean.
func invocation(checks []report.CheckStatus) Invocation {
	inv := Invocation{ExecutionSuccessful: true}
	for _, c := range checks {
		switch c.Status {
		case report.StatusError:
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, Notification{
				Level:      "error",
				Message:    Text{Text: fmt.Sprintf("check %s failed, so its findings are missing: %s", oneLine(c.ID), oneLine(c.Error))},
				Descriptor: &DescriptorRef{ID: c.ID},
			})
		case report.StatusSkipped:
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, Notification{
				Level:      "note",
				Message:    Text{Text: fmt.Sprintf("check %s was skipped", oneLine(c.ID))},
				Descriptor: &DescriptorRef{ID: c.ID},
			})
		}
	}
	return inv
}

// runProperties identify the inspected image and carry the verdict.
func runProperties(r *report.Report) map[string]any {
	img := map[string]any{}
	setString(img, "reference", r.Image.Reference)
	setString(img, "name", r.Image.Name)
	setString(img, "source", r.Image.Source)
	setString(img, "digest", r.Image.Digest)
	setString(img, "indexDigest", r.Image.IndexDigest)
	setString(img, "pinned", r.Image.Pinned)
	setString(img, "platform", r.Image.Platform)
	verdict := map[string]any{
		"decision": r.Verdict.Decision,
		"reason":   r.Verdict.Reason,
		"failOn":   r.Verdict.FailOn.String(),
		"reviewOn": r.Verdict.ReviewOn.String(),
	}
	p := map[string]any{"image": img, "verdict": verdict}
	setString(p, "reportSchemaVersion", r.SchemaVersion)
	setString(p, "generatedAt", r.GeneratedAt)
	return p
}
