package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// intern returns one shared copy of a field value, so that a million rows
// of "female" hold one string, not a million.
func (t *table) intern(s string) string {
	if t.strs == nil {
		t.strs = map[string]string{}
	}
	if c, ok := t.strs[s]; ok {
		return c
	}
	if len(t.strs) < 100000 {
		s = strings.Clone(s)
		t.strs[s] = s
	}
	return s
}

// fieldValue turns a cell's text into a field value: clean, strip the
// footnote, skip, pattern, format, map, date.
func (t *table) fieldValue(name string, f *Field, raw string, p obs.Source) (string, bool, error) {
	v, changed := cleanLabel(raw)
	if changed {
		t.warnOnce(p.String(), finding.Warnf(p, finding.ConstraintError, "control or bidirectional-override characters removed from %q", v))
	}
	v = t.src.stripFootnote(v)
	if len(f.Skip) > 0 && anyGlob(f.Skip, v) {
		return "", true, nil
	}
	if f.re != nil {
		m := f.re.FindStringSubmatch(v)
		if m == nil {
			if f.Unmapped == "skip" {
				return "", true, nil
			}
			return "", false, fmt.Errorf("%q does not match pattern %q", v, f.Pattern)
		}
		switch {
		case f.Format != "":
			v = format(f.Format, m)
		case len(m) > 1:
			v = m[1]
		default:
			v = m[0]
		}
	} else if f.Format != "" && v != "" {
		v = format(f.Format, []string{v})
	}
	if f.mapl != nil {
		if mv, ok := f.mapl[strings.ToLower(strings.TrimSpace(v))]; ok {
			v = mv
		} else {
			switch f.Unmapped {
			case "skip":
				return "", true, nil
			case "keep":
			default:
				return "", false, fmt.Errorf("%q is not in the map (add it to map, or set unmapped = \"skip\")", v)
			}
		}
	}
	if f.Type == "date" && v != "" {
		d, err := parseDate(v, f.Layouts, f.Day, t.date1904)
		if err != nil {
			return "", false, err
		}
		v = d
	}
	return v, false, nil
}

func format(tmpl string, groups []string) string {
	out := tmpl
	for i := len(groups) - 1; i >= 0; i-- {
		out = strings.ReplaceAll(out, "{"+strconv.Itoa(i)+"}", groups[i])
	}
	return out
}

// resolvePlace turns a place name (or code) into a gazetteer code, with one
// foreign-key finding per unknown name.
func (t *table) resolvePlace(v string, codes bool, p obs.Source) (string, bool) {
	if c, ok := t.placeCache[v]; ok {
		return c, c != ""
	}
	if t.g == nil {
		t.warnOnce("nogaz", finding.Errorf(t.at(), finding.MappingError, "no gazetteer to resolve places (set Options.Places or the source's places)"))
		return "", false
	}
	var code string
	if codes {
		if _, ok := t.g.Get(v); ok {
			code = v
		}
	} else if c, ok := t.g.Resolve(v); ok {
		code = c
	}
	t.placeCache[v] = code
	if code == "" && !t.unknown[v] {
		t.unknown[v] = true
		msg := fmt.Sprintf("unknown place %q", v)
		if sug := t.g.Suggest(v, 3); len(sug) > 0 {
			msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(sug, ", "))
		}
		msg += "; add it, or an alias, to the gazetteer"
		t.add(finding.Errorf(p, finding.ForeignKey, "%s", msg))
	}
	return code, code != ""
}
