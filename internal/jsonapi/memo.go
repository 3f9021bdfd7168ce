package jsonapi

import "sync"

// Memo remembers the answer to each question, so that the checks of one
// scan ask each question once even when they ask at the same time.
type Memo[T any] struct {
	mu    sync.Mutex
	calls map[string]*call[T]
}

// call is one request made once and shared by everyone who asks.
type call[T any] struct {
	once sync.Once
	val  T
	err  error
}

// Do returns the answer for key, computing it with fn the first time.
func (m *Memo[T]) Do(key string, fn func() (T, error)) (T, error) {
	m.mu.Lock()
	if m.calls == nil {
		m.calls = map[string]*call[T]{}
	}
	cl, ok := m.calls[key]
	if !ok {
		cl = &call[T]{}
		m.calls[key] = cl
	}
	m.mu.Unlock()
	cl.once.Do(func() { cl.val, cl.err = fn() })
	return cl.val, cl.err
}
