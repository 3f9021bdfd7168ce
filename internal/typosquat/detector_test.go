package typosquat

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func detector(t testing.TB) *Detector {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// brief is a hit reduced to what the tables compare.
type brief struct {
	Part      Part
	Imitates  string
	Technique Technique
	Strong    bool
}

func briefs(hits []Hit) []brief {
	var out []brief
	for _, h := range hits {
		out = append(out, brief{h.Part, h.Imitates, h.Technique, h.Strong})
	}
	return out
}

// TestSquats runs realistic squats, most from public reports of malicious or
// look-alike Docker Hub repositories and registry hosts.
func TestSquats(t *testing.T) {
	lib := func(name string, tech Technique) []brief {
		return []brief{{PartName, "docker.io/library/" + name, tech, true}}
	}
	for _, tc := range []struct {
		ref  string
		want []brief
	}{
		{"alpnie", lib("alpine", Transposition)},
		{"ngnix:latest", lib("nginx", Transposition)},
		{"docker.io/library/ngnix:latest", lib("nginx", Transposition)},
		{"pyhton:3", lib("python", Transposition)},
		{"ubunto", lib("ubuntu", ChangedLetters)},
		{"ubuntuu", lib("ubuntu", DoubledLetter)},
		{"ubutnu", lib("ubuntu", Transposition)},
		{"debain", lib("debian", Transposition)},
		{"postgress", lib("postgres", DoubledLetter)},
		{"postgers", lib("postgres", Transposition)},
		{"mongo-expres", lib("mongo-express", DroppedLetter)},
		{"rnariadb", lib("mariadb", Homoglyph)},
		{"nglnx", lib("nginx", Homoglyph)},
		{"redsi", lib("redis", Transposition)},
		{"rediss", lib("redis", DoubledLetter)},
		{"mysq1", lib("mysql", Homoglyph)},
		{"nginix", lib("nginx", ExtraLetter)},
		// Five-letter names are judged strictly: a changed letter counts
		// only when it is the neighbouring key, a dropped one only from
		// inside the name (see plausible).
		{"ngimx", lib("nginx", ChangedLetters)},
		{"nginz", lib("nginx", ChangedLetters)},
		{"ngnx", lib("nginx", DroppedLetter)},
		{"ngix", lib("nginx", DroppedLetter)},
		{"ngino", nil}, // o is nowhere near x
		{"ngilx", nil},
		{"ginx", nil}, // first letter dropped
		{"ngin", nil}, // last letter dropped
		{"someone/ngimx", []brief{{PartName, "docker.io/library/nginx", ChangedLetters, false}}},
		{"ngimx/app", nil}, // namespaces stay strict
		{"elasticseach", lib("elasticsearch", DroppedLetter)},
		{"phpmyadmn", lib("phpmyadmin", DroppedLetter)},
		{"mariadv", lib("mariadb", ChangedLetters)},
		{"busybx", lib("busybox", DroppedLetter)},
		{"rabbitqm", lib("rabbitmq", Transposition)},
		{"elasticsaerch", lib("elasticsearch", Transposition)},
		{"jenkns", lib("jenkins", DroppedLetter)},
		{"centso", lib("centos", Transposition)},
		{"c3ntos", lib("centos", Homoglyph)},
		{"a1pine", lib("alpine", Homoglyph)},
		{"tomcatt", lib("tomcat", DoubledLetter)},
		{"wordpres", lib("wordpress", DroppedLetter)},
		{"memcahced", lib("memcached", Transposition)},
		{"eclipse_temurin", lib("eclipse-temurin", Separators)},
		{"hello_world", lib("hello-world", Separators)},
		{"nоde", lib("node", Homoglyph)}, // Cyrillic о
		{"nginx-official", []brief{{PartName, "docker.io/library/nginx", Affix, false}}},
		{"officialnginx", []brief{{PartName, "docker.io/library/nginx", Affix, false}}},
		{"library-nginx", []brief{{PartName, "docker.io/library/nginx", Affix, false}}},
		{"the-nginx", []brief{{PartName, "docker.io/library/nginx", Affix, false}}},
		{"nginx2", []brief{{PartName, "docker.io/library/nginx", Affix, false}}},
		{"docker-nginx", []brief{{PartName, "docker.io/library/nginx", Affix, false}}},
		{"nginx-latest", []brief{{PartName, "docker.io/library/nginx", Affix, false}}},
		{"librarry/nginx", []brief{{PartNamespace, "docker.io/library", DoubledLetter, true}}},
		{"1ibrary/nginx", []brief{{PartNamespace, "docker.io/library", Homoglyph, true}}},
		{"libary/redis", []brief{{PartNamespace, "docker.io/library", DroppedLetter, true}}},
		{"offical/nginx", []brief{{PartNamespace, "docker.io/library", Claim, false}}},
		{"dockerofficial/nginx", []brief{{PartNamespace, "docker.io/library", Claim, false}}},
		{"goog1e/cadvisor", []brief{{PartNamespace, "docker.io/google", Homoglyph, true}}},
		{"bitnarni/redis", []brief{{PartNamespace, "docker.io/bitnami", Homoglyph, true}}},
		{"bitnami-official/redis", []brief{{PartNamespace, "docker.io/bitnami", Affix, false}}},
		{"hashicrop/vault", []brief{{PartNamespace, "docker.io/hashicorp", Transposition, true}}},
		{"grafanna/grafana", []brief{{PartNamespace, "docker.io/grafana", DoubledLetter, true}}},
		{"linuxsever/plex", []brief{{PartNamespace, "docker.io/linuxserver", DroppedLetter, true}}},
		{"portainr/portainer-ce", []brief{{PartNamespace, "docker.io/portainer", DroppedLetter, true}}},
		{"rnicrosoft/dotnet", []brief{{PartNamespace, "docker.io/microsoft", Homoglyph, true}}},
		{"docker.i0/library/nginx", []brief{{PartRegistry, "docker.io", Homoglyph, true}}},
		{"ghrc.io/owner/app", []brief{{PartRegistry, "ghcr.io", Transposition, true}}},
		{"gcr.lo/distroless/static", []brief{{PartRegistry, "gcr.io", Homoglyph, true}}},
		{"qauy.io/prometheus/node-exporter", []brief{{PartRegistry, "quay.io", Transposition, true}}},
		{"mcr.microsfot.com/dotnet/runtime:8.0", []brief{{PartRegistry, "mcr.microsoft.com", Transposition, true}}},
		{"registry.dokcer.io/library/nginx", []brief{{PartRegistry, "docker.io", Transposition, true}}},
		{"dockerhub.io/library/nginx", []brief{{PartRegistry, "docker.io", Affix, false}}},
		{"nvrc.io/nvidia/cuda", []brief{{PartRegistry, "nvcr.io", Transposition, true}}},
		{"docker.elastic.c0/elasticsearch/elasticsearch", []brief{{PartRegistry, "docker.elastic.co", Homoglyph, true}}},
		{"someone/ngnix", []brief{{PartName, "docker.io/library/nginx", Transposition, false}}},
		{"someone/nginx-docker", nil},
		{"someone/nginx2", nil},
		{"someone/nginx-official", []brief{{PartName, "docker.io/library/nginx", Affix, false}}},
		{"someone/prometheous", []brief{{PartName, "docker.io/prom/prometheus", ExtraLetter, false}}},
		{"ghcr.io/someone/pyhton", []brief{{PartName, "docker.io/library/python", Transposition, false}}},
		{"librarry/ngnix", []brief{
			{PartNamespace, "docker.io/library", DoubledLetter, true},
			{PartName, "docker.io/library/nginx", Transposition, false},
		}},
	} {
		t.Run(tc.ref, func(t *testing.T) {
			hits, err := detector(t).Judge(tc.ref)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, briefs(hits)); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
			for _, h := range hits {
				if h.String() == "" {
					t.Error("empty explanation")
				}
			}
		})
	}
}
