;; The wasm SIMD (f64x2) kernels of the float64 linear algebra: C += alpha * P * Q^T on
;; row-major blocks (gemm, gemmChunks), the mirror copy that keeps a symmetric matrix whole after
;; a lower-triangle update, one Householder reflector applied to panel columns (reflect), and
;; the band Cholesky factor and solves (bandCholesky, bandSolve).
;;
;; Source of kernels.wasm beside it, which is committed: only a change here needs rebuilding,
;; from the repository root, with
;;   sh compute/scripts/build-kernels-wasm.sh
;; which runs: npx --yes -p wabt@1.0.39 wat2wasm --enable-threads kernels.wat -o kernels.wasm
;;
;; gemm's contract with its TypeScript driver (multiply-wasm.ts); addresses and strides in bytes:
;; - Memory is imported and shared: growing it never detaches the views JS holds on it, and a
;;   second thread can run the same kernel on it.
;; - P is rows x kc, row-major at $p with row stride $ldp: read in place, no packing.
;; - Q arrives packed: column group g (columns 4g..4g+3) is kc steps of 4 doubles, starting at
;;   $b + g * kc * 32, zero-padded past the last column, so one k step of a 4x4 tile reads 32
;;   contiguous bytes of Q and four doubles of P.
;; - C is rows x cols at $c with row stride $ldc.
;; - Only entries with col <= row + $diag are updated ($diag huge: all of them): the driver's
;;   lower-triangle products pass diag = i0 - j0 for a block at (i0, j0) of C.
;; - $tile is 128 bytes of the calling thread's own scratch, for spilling edge tiles.
;;
;; Baseline wasm SIMD has no fused multiply-add, so a k step of the 4x4 tile is 8 f64x2 mul and
;; 8 f64x2 add on 8 accumulators: independent chains, enough to hide the add latency, and 12
;; live vectors in all, under the 15 XMM registers V8 allocates on x64. The k loop is unrolled
;; 4x with constant load offsets, so its overhead is a few integer adds per 4 steps.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; The 4x4 tile spilled at $tile (row r, column s at (4r + s) * 8), added into C entry by
  ;; entry where the entry exists (r < rowsLeft, s < colsLeft) and is wanted (s <= r + diag).
  (func $storeEdge (param $c i32) (param $ldc i32) (param $alpha f64)
      (param $rowsLeft i32) (param $colsLeft i32) (param $diag i32) (param $tile i32)
    (local $r i32) (local $s i32) (local $at i32)
    (if (i32.gt_s (local.get $rowsLeft) (i32.const 4)) (then (local.set $rowsLeft (i32.const 4))))
    (if (i32.gt_s (local.get $colsLeft) (i32.const 4)) (then (local.set $colsLeft (i32.const 4))))
    (block $rdone (loop $rloop
      (br_if $rdone (i32.ge_s (local.get $r) (local.get $rowsLeft)))
      (local.set $s (i32.const 0))
      (block $sdone (loop $sloop
        (br_if $sdone (i32.ge_s (local.get $s) (local.get $colsLeft)))
        (br_if $sdone (i32.gt_s (local.get $s) (i32.add (local.get $r) (local.get $diag))))
        (local.set $at (i32.add (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ldc)))
          (i32.shl (local.get $s) (i32.const 3))))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.mul (local.get $alpha)
          (f64.load (i32.add (local.get $tile)
            (i32.shl (i32.add (i32.shl (local.get $r) (i32.const 2)) (local.get $s)) (i32.const 3)))))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $sloop)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rloop))))

  ;; Every 4x4 tile of C that holds a wanted entry, four rows at a time and along them column
  ;; group by column group. P's four rows (kc doubles each) stay in L1 while packed Q streams
  ;; from L2, and C is walked along its rows, an order the hardware prefetcher follows: each
  ;; entry of C is touched once per call, so its memory latency is what would cost.
  (func $gemm (export "gemm") (param $rows i32) (param $cols i32) (param $kc i32)
      (param $p i32) (param $ldp i32) (param $b i32) (param $c i32) (param $ldc i32)
      (param $alpha f64) (param $diag i32) (param $tile i32)
    (local $i i32) (local $j i32) (local $k i32) (local $jEnd i32) (local $last i32)
    (local $bg i32) (local $pb i32) (local $ct i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $alphav v128) (local $a v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (if (i32.le_s (local.get $rows) (i32.const 0)) (then (return)))
    (if (i32.le_s (local.get $kc) (i32.const 0)) (then (return)))
    (local.set $alphav (f64x2.splat (local.get $alpha)))
    (local.set $last (i32.sub (local.get $rows) (i32.const 1)))
    ;; A tile row with no wanted entry at all (lower mode, above the diagonal) is skipped.
    (local.set $i (i32.sub (i32.const -3) (local.get $diag)))
    (if (i32.lt_s (local.get $i) (i32.const 0)) (then (local.set $i (i32.const 0))))
    (local.set $i (i32.and (local.get $i) (i32.const -4)))
    (block $idone (loop $iloop
      (br_if $idone (i32.ge_s (local.get $i) (local.get $rows)))
      ;; Rows past the end repeat the last row: computed, never stored.
      (local.set $r0 (i32.add (local.get $p) (i32.mul (local.get $i) (local.get $ldp))))
      (local.set $r1 (i32.add (local.get $p) (i32.mul (local.get $ldp)
        (select (i32.add (local.get $i) (i32.const 1)) (local.get $last)
          (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $rows))))))
      (local.set $r2 (i32.add (local.get $p) (i32.mul (local.get $ldp)
        (select (i32.add (local.get $i) (i32.const 2)) (local.get $last)
          (i32.lt_s (i32.add (local.get $i) (i32.const 2)) (local.get $rows))))))
      (local.set $r3 (i32.add (local.get $p) (i32.mul (local.get $ldp)
        (select (i32.add (local.get $i) (i32.const 3)) (local.get $last)
          (i32.lt_s (i32.add (local.get $i) (i32.const 3)) (local.get $rows))))))
      ;; Column groups up to the last with a wanted entry: j <= i + 3 + diag.
      (local.set $jEnd (i32.add (i32.add (local.get $i) (i32.const 4)) (local.get $diag)))
      (if (i32.gt_s (local.get $jEnd) (local.get $cols)) (then (local.set $jEnd (local.get $cols))))
      (local.set $j (i32.const 0))
      (local.set $bg (local.get $b))
      (block $jdone (loop $jloop
        (br_if $jdone (i32.ge_s (local.get $j) (local.get $jEnd)))
        (local.set $p0 (local.get $r0))
        (local.set $p1 (local.get $r1))
        (local.set $p2 (local.get $r2))
        (local.set $p3 (local.get $r3))
        (local.set $c00 (v128.const i64x2 0 0))
        (local.set $c01 (v128.const i64x2 0 0))
        (local.set $c10 (v128.const i64x2 0 0))
        (local.set $c11 (v128.const i64x2 0 0))
        (local.set $c20 (v128.const i64x2 0 0))
        (local.set $c21 (v128.const i64x2 0 0))
        (local.set $c30 (v128.const i64x2 0 0))
        (local.set $c31 (v128.const i64x2 0 0))
        (local.set $pb (local.get $bg))
        (local.set $k (local.get $kc))
        (if (i32.ge_s (local.get $k) (i32.const 4)) (then (loop $kloop
          (local.set $b0 (v128.load offset=0 (local.get $pb)))
          (local.set $b1 (v128.load offset=16 (local.get $pb)))
          (local.set $a (v128.load64_splat offset=0 (local.get $p0)))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=0 (local.get $p1)))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=0 (local.get $p2)))
          (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=0 (local.get $p3)))
          (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $b0 (v128.load offset=32 (local.get $pb)))
          (local.set $b1 (v128.load offset=48 (local.get $pb)))
          (local.set $a (v128.load64_splat offset=8 (local.get $p0)))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=8 (local.get $p1)))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=8 (local.get $p2)))
          (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=8 (local.get $p3)))
          (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $b0 (v128.load offset=64 (local.get $pb)))
          (local.set $b1 (v128.load offset=80 (local.get $pb)))
          (local.set $a (v128.load64_splat offset=16 (local.get $p0)))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=16 (local.get $p1)))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=16 (local.get $p2)))
          (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=16 (local.get $p3)))
          (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $b0 (v128.load offset=96 (local.get $pb)))
          (local.set $b1 (v128.load offset=112 (local.get $pb)))
          (local.set $a (v128.load64_splat offset=24 (local.get $p0)))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=24 (local.get $p1)))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=24 (local.get $p2)))
          (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=24 (local.get $p3)))
          (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $p0 (i32.add (local.get $p0) (i32.const 32)))
          (local.set $p1 (i32.add (local.get $p1) (i32.const 32)))
          (local.set $p2 (i32.add (local.get $p2) (i32.const 32)))
          (local.set $p3 (i32.add (local.get $p3) (i32.const 32)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 128)))
          (local.set $k (i32.sub (local.get $k) (i32.const 4)))
          (br_if $kloop (i32.ge_s (local.get $k) (i32.const 4))))))
        (block $kdone (loop $krest
          (br_if $kdone (i32.eqz (local.get $k)))
          (local.set $b0 (v128.load offset=0 (local.get $pb)))
          (local.set $b1 (v128.load offset=16 (local.get $pb)))
          (local.set $a (v128.load64_splat offset=0 (local.get $p0)))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=0 (local.get $p1)))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=0 (local.get $p2)))
          (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=0 (local.get $p3)))
          (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $p0 (i32.add (local.get $p0) (i32.const 8)))
          (local.set $p1 (i32.add (local.get $p1) (i32.const 8)))
          (local.set $p2 (i32.add (local.get $p2) (i32.const 8)))
          (local.set $p3 (i32.add (local.get $p3) (i32.const 8)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br $krest)))
        (local.set $ct (i32.add (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc)))
          (i32.shl (local.get $j) (i32.const 3))))
        (if (i32.and (i32.and
              (i32.le_s (i32.add (local.get $i) (i32.const 4)) (local.get $rows))
              (i32.le_s (i32.add (local.get $j) (i32.const 4)) (local.get $cols)))
              (i32.le_s (i32.add (local.get $j) (i32.const 3)) (i32.add (local.get $i) (local.get $diag))))
          (then
          (v128.store offset=0 (local.get $ct) (f64x2.add (v128.load offset=0 (local.get $ct))
            (f64x2.mul (local.get $c00) (local.get $alphav))))
          (v128.store offset=16 (local.get $ct) (f64x2.add (v128.load offset=16 (local.get $ct))
            (f64x2.mul (local.get $c01) (local.get $alphav))))
          (local.set $ct (i32.add (local.get $ct) (local.get $ldc)))
          (v128.store offset=0 (local.get $ct) (f64x2.add (v128.load offset=0 (local.get $ct))
            (f64x2.mul (local.get $c10) (local.get $alphav))))
          (v128.store offset=16 (local.get $ct) (f64x2.add (v128.load offset=16 (local.get $ct))
            (f64x2.mul (local.get $c11) (local.get $alphav))))
          (local.set $ct (i32.add (local.get $ct) (local.get $ldc)))
          (v128.store offset=0 (local.get $ct) (f64x2.add (v128.load offset=0 (local.get $ct))
            (f64x2.mul (local.get $c20) (local.get $alphav))))
          (v128.store offset=16 (local.get $ct) (f64x2.add (v128.load offset=16 (local.get $ct))
            (f64x2.mul (local.get $c21) (local.get $alphav))))
          (local.set $ct (i32.add (local.get $ct) (local.get $ldc)))
          (v128.store offset=0 (local.get $ct) (f64x2.add (v128.load offset=0 (local.get $ct))
            (f64x2.mul (local.get $c30) (local.get $alphav))))
          (v128.store offset=16 (local.get $ct) (f64x2.add (v128.load offset=16 (local.get $ct))
            (f64x2.mul (local.get $c31) (local.get $alphav)))))
          (else
          (v128.store offset=0 (local.get $tile) (local.get $c00))
          (v128.store offset=16 (local.get $tile) (local.get $c01))
          (v128.store offset=32 (local.get $tile) (local.get $c10))
          (v128.store offset=48 (local.get $tile) (local.get $c11))
          (v128.store offset=64 (local.get $tile) (local.get $c20))
          (v128.store offset=80 (local.get $tile) (local.get $c21))
          (v128.store offset=96 (local.get $tile) (local.get $c30))
          (v128.store offset=112 (local.get $tile) (local.get $c31))
            (call $storeEdge (local.get $ct) (local.get $ldc) (local.get $alpha)
              (i32.sub (local.get $rows) (local.get $i)) (i32.sub (local.get $cols) (local.get $j))
              (i32.sub (i32.add (local.get $i) (local.get $diag)) (local.get $j)) (local.get $tile))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (local.set $bg (i32.add (local.get $bg) (i32.shl (local.get $kc) (i32.const 5))))
        (br $jloop)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $iloop))))

  ;; The block's entries strictly below C's diagonal (col < row + diag, same block convention
  ;; as gemm) copied to their mirror positions above it: entry (r, s) of the block goes to
  ;; $c + (s - diag) * ldc + (r + diag) * 8. Called on a block right after gemm updated it, so
  ;; it reads the block from cache, column by column (a column of a 256-row block is 256 lines,
  ;; which stay in L1 for the 8 columns that share them), and writes each mirror row in order.
  (func $mirror (export "mirror") (param $rows i32) (param $cols i32) (param $c i32) (param $ldc i32)
      (param $diag i32)
    (local $s i32) (local $r i32) (local $from i32) (local $to i32) (local $end i32)
    (block $sdone (loop $sloop
      (br_if $sdone (i32.ge_s (local.get $s) (local.get $cols)))
      (local.set $r (i32.add (i32.sub (local.get $s) (local.get $diag)) (i32.const 1)))
      (if (i32.lt_s (local.get $r) (i32.const 0)) (then (local.set $r (i32.const 0))))
      (if (i32.lt_s (local.get $r) (local.get $rows)) (then
        (local.set $from (i32.add (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ldc)))
          (i32.shl (local.get $s) (i32.const 3))))
        (local.set $to (i32.add
          (i32.add (local.get $c) (i32.mul (i32.sub (local.get $s) (local.get $diag)) (local.get $ldc)))
          (i32.shl (i32.add (local.get $r) (local.get $diag)) (i32.const 3))))
        (local.set $end (i32.add (local.get $to) (i32.shl (i32.sub (local.get $rows) (local.get $r)) (i32.const 3))))
        (loop $rloop
          (f64.store (local.get $to) (f64.load (local.get $from)))
          (local.set $from (i32.add (local.get $from) (local.get $ldc)))
          (local.set $to (i32.add (local.get $to) (i32.const 8)))
          (br_if $rloop (i32.lt_u (local.get $to) (local.get $end))))))
      (local.set $s (i32.add (local.get $s) (i32.const 1)))
      (br $sloop))))

  ;; Applies one Householder reflector H = I - tau * v * v^T (v[0] = 1, not read) to $count
  ;; columns of a column-major panel: column j starts at $x + j * $stride, v at $v, both $len
  ;; long. x <- x - tau * (v . x) * v, a dot product and an axpy per column: the unblocked core of
  ;; the panel QR, bound by L2 bandwidth, where f64x2 halves the instructions of scalar code.
  (func (export "reflect") (param $v i32) (param $x i32) (param $len i32) (param $count i32)
      (param $stride i32) (param $tau f64)
    (local $j i32) (local $xj i32) (local $k i32) (local $s f64) (local $sv v128)
    (local $d0 v128) (local $d1 v128)
    (block $jdone (loop $jloop
      (br_if $jdone (i32.ge_s (local.get $j) (local.get $count)))
      (local.set $xj (i32.add (local.get $x) (i32.mul (local.get $j) (local.get $stride))))
      ;; s = x[0] + v[1:] . x[1:]
      (local.set $d0 (v128.const i64x2 0 0))
      (local.set $d1 (v128.const i64x2 0 0))
      (local.set $k (i32.const 1))
      (block $ddone (loop $dloop
        (br_if $ddone (i32.gt_s (i32.add (local.get $k) (i32.const 4)) (local.get $len)))
        (local.set $d0 (f64x2.add (local.get $d0) (f64x2.mul
          (v128.load (i32.add (local.get $v) (i32.shl (local.get $k) (i32.const 3))))
          (v128.load (i32.add (local.get $xj) (i32.shl (local.get $k) (i32.const 3)))))))
        (local.set $d1 (f64x2.add (local.get $d1) (f64x2.mul
          (v128.load offset=16 (i32.add (local.get $v) (i32.shl (local.get $k) (i32.const 3))))
          (v128.load offset=16 (i32.add (local.get $xj) (i32.shl (local.get $k) (i32.const 3)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br $dloop)))
      (local.set $d0 (f64x2.add (local.get $d0) (local.get $d1)))
      (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $d0)) (f64x2.extract_lane 1 (local.get $d0))))
      (block $rdone (loop $rloop
        (br_if $rdone (i32.ge_s (local.get $k) (local.get $len)))
        (local.set $s (f64.add (local.get $s) (f64.mul
          (f64.load (i32.add (local.get $v) (i32.shl (local.get $k) (i32.const 3))))
          (f64.load (i32.add (local.get $xj) (i32.shl (local.get $k) (i32.const 3)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $rloop)))
      (local.set $s (f64.mul (local.get $tau) (f64.add (local.get $s) (f64.load (local.get $xj)))))
      ;; x[0] -= s; x[1:] -= s * v[1:]
      (f64.store (local.get $xj) (f64.sub (f64.load (local.get $xj)) (local.get $s)))
      (local.set $sv (f64x2.splat (local.get $s)))
      (local.set $k (i32.const 1))
      (block $adone (loop $aloop
        (br_if $adone (i32.gt_s (i32.add (local.get $k) (i32.const 2)) (local.get $len)))
        (v128.store (i32.add (local.get $xj) (i32.shl (local.get $k) (i32.const 3)))
          (f64x2.sub (v128.load (i32.add (local.get $xj) (i32.shl (local.get $k) (i32.const 3))))
            (f64x2.mul (local.get $sv)
              (v128.load (i32.add (local.get $v) (i32.shl (local.get $k) (i32.const 3)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $aloop)))
      (if (i32.lt_s (local.get $k) (local.get $len)) (then
        (f64.store (i32.add (local.get $xj) (i32.shl (local.get $k) (i32.const 3)))
          (f64.sub (f64.load (i32.add (local.get $xj) (i32.shl (local.get $k) (i32.const 3))))
            (f64.mul (local.get $s)
              (f64.load (i32.add (local.get $v) (i32.shl (local.get $k) (i32.const 3)))))))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $jloop))))

  ;; x . y over $len doubles: two f64x2 accumulators, then a scalar tail. The band factor and
  ;; solves below are chains of these short dot products (length <= bandwidth).
  (func $dot (param $x i32) (param $y i32) (param $len i32) (result f64)
    (local $d0 v128) (local $d1 v128) (local $end i32) (local $s f64)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $len) (i32.const 3))))
    (block $vdone (loop $vloop
      (br_if $vdone (i32.gt_u (i32.add (local.get $x) (i32.const 32)) (local.get $end)))
      (local.set $d0 (f64x2.add (local.get $d0)
        (f64x2.mul (v128.load (local.get $x)) (v128.load (local.get $y)))))
      (local.set $d1 (f64x2.add (local.get $d1)
        (f64x2.mul (v128.load offset=16 (local.get $x)) (v128.load offset=16 (local.get $y)))))
      (local.set $x (i32.add (local.get $x) (i32.const 32)))
      (local.set $y (i32.add (local.get $y) (i32.const 32)))
      (br $vloop)))
    (local.set $d0 (f64x2.add (local.get $d0) (local.get $d1)))
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $d0)) (f64x2.extract_lane 1 (local.get $d0))))
    (block $sdone (loop $sloop
      (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
      (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $x)) (f64.load (local.get $y)))))
      (local.set $x (i32.add (local.get $x) (i32.const 8)))
      (local.set $y (i32.add (local.get $y) (i32.const 8)))
      (br $sloop)))
    (local.get $s))

  ;; In place, the lower Cholesky factor of B + shift * I for B in the row-wise lower band layout
  ;; (row i holds columns i - bw .. i in slots 0 .. bw, row stride (bw + 1) * 8 bytes), at $l.
  ;; Returns -1, or the first row whose pivot is not positive (NaN included), with the pivot
  ;; stored at $out. Same recurrence as band-cholesky.ts.
  (func (export "bandCholesky") (param $l i32) (param $n i32) (param $bw i32) (param $shift f64)
      (param $out i32) (result i32)
    (local $ld i32) (local $i i32) (local $j i32) (local $first i32) (local $rowI i32)
    (local $rowJ i32) (local $at i32) (local $s f64)
    (local.set $ld (i32.shl (i32.add (local.get $bw) (i32.const 1)) (i32.const 3)))
    (block $idone (loop $iloop
      (br_if $idone (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $rowI (i32.add (local.get $l) (i32.mul (local.get $i) (local.get $ld))))
      (local.set $first (i32.sub (local.get $i) (local.get $bw)))
      (if (i32.lt_s (local.get $first) (i32.const 0)) (then (local.set $first (i32.const 0))))
      (local.set $j (local.get $first))
      (block $jdone (loop $jloop
        (br_if $jdone (i32.gt_s (local.get $j) (local.get $i)))
        (local.set $rowJ (i32.add (local.get $l) (i32.mul (local.get $j) (local.get $ld))))
        ;; Slot of column c in row r: c - r + bw.
        (local.set $at (i32.add (local.get $rowI)
          (i32.shl (i32.add (i32.sub (local.get $j) (local.get $i)) (local.get $bw)) (i32.const 3))))
        (local.set $s (f64.sub
          (f64.add (f64.load (local.get $at))
            (select (local.get $shift) (f64.const 0) (i32.eq (local.get $j) (local.get $i))))
          (call $dot
            (i32.add (local.get $rowI) (i32.shl (i32.add (i32.sub (local.get $first) (local.get $i)) (local.get $bw)) (i32.const 3)))
            (i32.add (local.get $rowJ) (i32.shl (i32.add (i32.sub (local.get $first) (local.get $j)) (local.get $bw)) (i32.const 3)))
            (i32.sub (local.get $j) (local.get $first)))))
        (if (i32.lt_s (local.get $j) (local.get $i))
          (then (f64.store (local.get $at) (f64.div (local.get $s)
            (f64.load (i32.add (local.get $rowJ) (i32.shl (local.get $bw) (i32.const 3)))))))
          (else
            (if (i32.eqz (f64.gt (local.get $s) (f64.const 0))) (then
              (f64.store (local.get $out) (local.get $s))
              (return (local.get $i))))
            (f64.store (local.get $at) (f64.sqrt (local.get $s)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jloop)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $iloop)))
    (i32.const -1))

  ;; Solves L * L^T * x = y in place for $vectors right-hand sides, one per row of the
  ;; vectors x n row-major block at $x, L a band factor from bandCholesky. Forward: a dot
  ;; product per row of L; backward: L^T's rows are L's columns, so sweep L's rows as axpys.
  (func (export "bandSolve") (param $l i32) (param $n i32) (param $bw i32) (param $x i32)
      (param $vectors i32)
    (local $ld i32) (local $v i32) (local $base i32) (local $i i32) (local $first i32)
    (local $row i32) (local $xi i32) (local $xj f64) (local $xjv v128) (local $c i32) (local $lc i32)
    (local.set $ld (i32.shl (i32.add (local.get $bw) (i32.const 1)) (i32.const 3)))
    (block $vdone (loop $vloop
      (br_if $vdone (i32.ge_s (local.get $v) (local.get $vectors)))
      (local.set $base (i32.add (local.get $x) (i32.mul (i32.mul (local.get $v) (local.get $n)) (i32.const 8))))
      (local.set $i (i32.const 0))
      (block $fdone (loop $floop
        (br_if $fdone (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $row (i32.add (local.get $l) (i32.mul (local.get $i) (local.get $ld))))
        (local.set $first (i32.sub (local.get $i) (local.get $bw)))
        (if (i32.lt_s (local.get $first) (i32.const 0)) (then (local.set $first (i32.const 0))))
        (local.set $xi (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $xi) (f64.div
          (f64.sub (f64.load (local.get $xi))
            (call $dot
              (i32.add (local.get $row) (i32.shl (i32.add (i32.sub (local.get $first) (local.get $i)) (local.get $bw)) (i32.const 3)))
              (i32.add (local.get $base) (i32.shl (local.get $first) (i32.const 3)))
              (i32.sub (local.get $i) (local.get $first))))
          (f64.load (i32.add (local.get $row) (i32.shl (local.get $bw) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $floop)))
      (local.set $i (local.get $n))
      (block $bdone (loop $bloop
        (br_if $bdone (i32.le_s (local.get $i) (i32.const 0)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (local.set $row (i32.add (local.get $l) (i32.mul (local.get $i) (local.get $ld))))
        (local.set $xi (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $xj (f64.div (f64.load (local.get $xi))
          (f64.load (i32.add (local.get $row) (i32.shl (local.get $bw) (i32.const 3))))))
        (f64.store (local.get $xi) (local.get $xj))
        (local.set $first (i32.sub (local.get $i) (local.get $bw)))
        (if (i32.lt_s (local.get $first) (i32.const 0)) (then (local.set $first (i32.const 0))))
        ;; x[c] -= L[i][c] * xj for c in first .. i - 1
        (local.set $c (i32.add (local.get $base) (i32.shl (local.get $first) (i32.const 3))))
        (local.set $lc (i32.add (local.get $row)
          (i32.shl (i32.add (i32.sub (local.get $first) (local.get $i)) (local.get $bw)) (i32.const 3))))
        (local.set $xjv (f64x2.splat (local.get $xj)))
        (block $adone (loop $aloop
          (br_if $adone (i32.gt_u (i32.add (local.get $c) (i32.const 16)) (local.get $xi)))
          (v128.store (local.get $c) (f64x2.sub (v128.load (local.get $c))
            (f64x2.mul (v128.load (local.get $lc)) (local.get $xjv))))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (local.set $lc (i32.add (local.get $lc) (i32.const 16)))
          (br $aloop)))
        (if (i32.lt_u (local.get $c) (local.get $xi)) (then
          (f64.store (local.get $c) (f64.sub (f64.load (local.get $c))
            (f64.mul (f64.load (local.get $lc)) (local.get $xj))))))
        (br $bloop)))
      (local.set $v (i32.add (local.get $v) (i32.const 1)))
      (br $vloop))))

  ;; gemm (then mirror, if $mirror) on the block's rows in chunks of $chunk rows, each claimed
  ;; by an atomic increment of the i32 at $counter: every thread that calls this with the same
  ;; arguments (and its own $tile) takes chunks until none are left, which balances the
  ;; triangular work of lower-mode products between threads. A chunk's mirror runs right after
  ;; its update, while the chunk (chunk x cols doubles, 256 KiB at 64 x 512) is still in L2.
  ;; Chunks touch disjoint rows of C and, mirrored, disjoint columns of its upper triangle.
  (func (export "gemmChunks") (param $rows i32) (param $cols i32) (param $kc i32)
      (param $p i32) (param $ldp i32) (param $b i32) (param $c i32) (param $ldc i32)
      (param $alpha f64) (param $diag i32) (param $mirror i32) (param $counter i32)
      (param $chunk i32) (param $tile i32)
    (local $i i32) (local $m i32)
    (loop $next
      (local.set $i (i32.mul (i32.atomic.rmw.add (local.get $counter) (i32.const 1)) (local.get $chunk)))
      (if (i32.lt_s (local.get $i) (local.get $rows)) (then
        (local.set $m (i32.sub (local.get $rows) (local.get $i)))
        (if (i32.gt_s (local.get $m) (local.get $chunk)) (then (local.set $m (local.get $chunk))))
        (call $gemm (local.get $m) (local.get $cols) (local.get $kc)
          (i32.add (local.get $p) (i32.mul (local.get $i) (local.get $ldp))) (local.get $ldp)
          (local.get $b) (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc)))
          (local.get $ldc) (local.get $alpha) (i32.add (local.get $diag) (local.get $i)) (local.get $tile))
        (if (local.get $mirror) (then
          (call $mirror (local.get $m) (local.get $cols)
            (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))) (local.get $ldc)
            (i32.add (local.get $diag) (local.get $i)))))
        (br $next)))))
)
