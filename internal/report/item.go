package report

import "fmt"

// Item is one entry of the image-hygiene checklist that customs automates.
// Every check belongs to exactly one item, and reports group findings by it.
type Item int

// The checklist, numbered as in the documentation.
const (
	ItemVerdict    Item = 1  // Never run an unknown image
	ItemPublisher  Item = 2  // Know the publisher
	ItemName       Item = 3  // Check the name
	ItemBuild      Item = 4  // Prefer automated, transparent builds
	ItemScripts    Item = 5  // Read the scripts inside
	ItemIsolation  Item = 6  // Try it in isolation
	ItemPopularity Item = 7  // Check popularity
	ItemBase       Item = 8  // Build from small bases
	ItemLookInside Item = 9  // Look inside
	ItemPin        Item = 10 // Pin by digest
	ItemVulns      Item = 11 // Scan for known vulnerabilities
	ItemSigned     Item = 12 // Signed content
	ItemPrivilege  Item = 13 // Least privilege at run time
	ItemMalicious  Item = 14 // Malicious content
	firstItem           = ItemVerdict
	lastItem            = ItemMalicious
)

var itemTitles = map[Item]string{
	ItemVerdict:    "Never run an unknown image",
	ItemPublisher:  "Know the publisher",
	ItemName:       "Check the name",
	ItemBuild:      "Prefer automated, transparent builds",
	ItemScripts:    "Read the scripts inside",
	ItemIsolation:  "Try it in isolation",
	ItemPopularity: "Check popularity",
	ItemBase:       "Build from small bases",
	ItemLookInside: "Look inside",
	ItemPin:        "Pin by digest, prefer descriptive tags",
	ItemVulns:      "Scan for known vulnerabilities",
	ItemSigned:     "Signed content",
	ItemPrivilege:  "Least privilege at run time",
	ItemMalicious:  "Malicious content",
}

// Title is the checklist wording of the item.
func (i Item) Title() string {
	if t, ok := itemTitles[i]; ok {
		return t
	}
	return fmt.Sprintf("item %d", int(i))
}

// Valid reports whether i is one of the checklist items.
func (i Item) Valid() bool { return i >= firstItem && i <= lastItem }

// Items lists every checklist item in order.
func Items() []Item {
	out := make([]Item, 0, lastItem)
	for i := firstItem; i <= lastItem; i++ {
		out = append(out, i)
	}
	return out
}
