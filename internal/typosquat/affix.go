package typosquat

import "strings"

// officialWords claim that a name is the official one; genericWords are
// words squatters add to a well-known name that people also use innocently.
// Longer words come first so that "offical" is not read as "off" + "ical".
var (
	officialWords = []string{"official", "offical", "officail", "original", "verified", "certified", "library", "genuine", "real", "the"}
	genericWords  = []string{"container", "docker", "latest", "image", "hub", "new", "io"}
)

// affixes strips the claim and generic words, and trailing digits, from the
// front and back of a name: "nginx-official" → "nginx", ["official"]. It
// reports whether an official word was among them. Separators between a word
// and the rest are optional ("officialnginx").
func affixes(s string) (core string, words []string, official bool) {
	core = s
	for changed := true; changed && core != ""; {
		changed = false
		for _, list := range [][]string{officialWords, genericWords} {
			for _, w := range list {
				if rest, ok := cutWord(core, w); ok {
					core, changed = rest, true
					words = append(words, w)
					official = official || list[0] == officialWords[0]
				}
			}
		}
		if rest := strings.TrimRight(core, "0123456789"); rest != core && rest != "" {
			words = append(words, core[len(rest):])
			core, changed = strings.TrimRight(rest, "-_."), true
		}
	}
	return core, words, official
}

// cutWord removes w from the start or end of s, with an optional separator
// between them, and reports whether it did. It never removes all of s.
func cutWord(s, w string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, w); ok {
		rest = strings.TrimLeft(rest, "-_.")
		if rest != "" {
			return rest, true
		}
	}
	if rest, ok := strings.CutSuffix(s, w); ok {
		rest = strings.TrimRight(rest, "-_.")
		if rest != "" {
			return rest, true
		}
	}
	return s, false
}
