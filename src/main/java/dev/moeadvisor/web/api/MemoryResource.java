package dev.moeadvisor.web.api;

import dev.moeadvisor.budget.Gpu;
import dev.moeadvisor.memory.AllToAll;
import dev.moeadvisor.memory.LayoutException;
import dev.moeadvisor.memory.LayoutSearch;
import dev.moeadvisor.memory.MemoryBreakdown;
import dev.moeadvisor.memory.ParallelLayout;
import dev.moeadvisor.memory.TrainingMemory;
import dev.moeadvisor.memory.TrainingSetup;
import dev.moeadvisor.shape.ModelShape;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Training memory per GPU of a shape under a layout, and the layouts that fit a GPU count and memory. */
@Path("/api/v1")
@Tag(name = "memory")
public class MemoryResource {

    @POST
    @Path("memory")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Weights, gradients, optimizer states and activations per GPU (most loaded pipeline stage)")
    public MemoryResponse memory(@NotNull @Valid MemoryRequest request) {
        ModelShape shape = request.shape().toShape();
        ParallelLayout layout = request.layout().toLayout();
        if (request.gpus() != null && layout.gpus() != request.gpus()) {
            throw new LayoutException("layout", "DP·TP·PP·CP = " + layout.gpus() + " does not equal gpus ("
                    + request.gpus() + ")");
        }
        TrainingSetup setup = TrainingSetupRequest.toSetup(request.training(), shape.seqLen());
        MemoryBreakdown m = TrainingMemory.of(shape, layout, setup);
        Double bytes = GpuMemory.bytes(request.gpu(), request.memoryGb());
        return new MemoryResponse(MemoryDto.of(layout, m), bytes == null ? null : bytes / 1e9,
                bytes == null ? null : m.fits(bytes), MemoryResponse.CITATIONS);
    }

    @POST
    @Path("layouts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Parallel layouts (DP, TP, PP, EP, ETP) of a shape that fit a GPU count and memory, ranked")
    public LayoutsResponse layouts(@NotNull @Valid LayoutsRequest request) {
        ModelShape shape = request.shape().toShape();
        Double bytes = GpuMemory.bytes(request.gpu(), request.memoryGb());
        if (bytes == null) {
            throw new LayoutException("memoryGb", "give a GPU preset (gpu) or the memory per GPU (memoryGb)");
        }
        TrainingSetup setup = TrainingSetupRequest.toSetup(request.training(), shape.seqLen());
        Double peak = request.peakFlops() != null ? request.peakFlops()
                : request.gpu() == null || request.gpu().isBlank() ? null
                : Gpu.byName(request.gpu()).map(Gpu::peakFlops).orElse(null);
        boolean estimate = shape.isMoe() && peak != null && request.mfu() != null;
        return LayoutsResponse.of(LayoutSearch.search(shape, request.gpus(), bytes, setup),
                l -> estimate ? AllToAll.of(shape, l, peak, request.mfu()) : null);
    }
}
