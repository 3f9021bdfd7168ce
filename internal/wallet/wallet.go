// Package wallet finds cryptocurrency addresses in text and keeps only those
// whose checksum is valid, so that a random base58 or hex string is not taken
// for a wallet. It knows Monero and other CryptoNote coins (Keccak-256
// checksums over Monero's block base58), Bitcoin, Litecoin, Dogecoin,
// Ravencoin, Dash and Zcash transparent addresses (base58check), Bitcoin and
// Litecoin segwit addresses (bech32 and bech32m) and Ethereum addresses
// (EIP-55).
package wallet

import "fmt"

// Coin names the currency an address belongs to.
type Coin string

// The coins Find recognises.
const (
	Monero     Coin = "XMR"
	CryptoNote Coin = "CryptoNote" // a Monero-style address of another coin (Zephyr, Wownero, ...)
	Bitcoin    Coin = "BTC"
	Litecoin   Coin = "LTC"
	Dogecoin   Coin = "DOGE"
	Ravencoin  Coin = "RVN"
	Dash       Coin = "DASH"
	Zcash      Coin = "ZEC"
	Ethereum   Coin = "ETH" // also Ethereum Classic and other EVM chains: the format is the same
)

// Address is a checksum-valid address found in a text.
type Address struct {
	Coin   Coin
	Value  string
	Offset int
	// Weak is set when the format carries no checksum that was verified: an
	// all-lower or all-upper case Ethereum address. Such a value only counts
	// next to other evidence.
	Weak bool
}

// String names the coin and the shortened address.
func (a Address) String() string { return fmt.Sprintf("%s %s", a.Coin, Short(a.Value)) }

// Short shortens an address for a report: its first and last characters,
// enough to recognise it, not to copy it by mistake.
func Short(v string) string {
	if len(v) <= 16 {
		return v
	}
	return v[:6] + "..." + v[len(v)-4:]
}
